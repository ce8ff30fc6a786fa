import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One bar series: the data key it draws (also its legend label), its colour and, to stack bars, a stack id. */
export interface BarSeries {
  key: string;
  colour: string;
  stackId?: string;
}

export interface BarChartCardProps {
  /** One object per category; its `name` is the x-axis label, the series' keys hold the values. */
  data: Record<string, string | number>[];
  series: readonly BarSeries[];
  /** The y-axis unit as shown after each tick (e.g. "ms", "B/msg"). */
  unit: string;
  /** The y-axis width in pixels (wider units need more). */
  yWidth: number;
  /** A logarithmic y axis (values must be positive; zeros are not drawn). */
  log?: boolean;
}

/**
 * The bar chart every Compare section draws the same way: a dashed grid, categories on x, the unit on
 * y, tooltip and legend, no animation. Fills its parent, which must have a real height.
 */
export function BarChartCard({ data, series, unit, yWidth, log = false }: BarChartCardProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        {log ? <YAxis unit={` ${unit}`} width={yWidth} scale="log" domain={['auto', 'auto']} allowDataOverflow /> : <YAxis unit={` ${unit}`} width={yWidth} />}
        <Tooltip />
        <Legend />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} stackId={s.stackId} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
