/** Chart colours of the bar series shared by several Compare sections: percentiles, and bytes in / out. */
export const PERCENTILE_COLORS = { p50: '#0f766e', p95: '#b45309', p99: '#b91c1c' } as const;

export const DIRECTION_COLORS = { in: '#1d4ed8', out: '#9333ea' } as const;
