import { isBaseLane, LANE_IDS, LANES, TRANSPORT_IDS, type LaneId } from '../../../protocol';
import { heldLanes, MAX_HELD_LANES, SCENARIO_BOUNDS, type Scenario } from '../../../measure/scenario';
import { useMessages } from '../../messages/messages-provider';
import { LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON } from '../control-classes';
import { NumberField } from './number-field';


export interface BenchmarkFormProps {
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  onRun: () => void;
  onCancel: () => void;
  running: boolean;
  /** Labels of selected lanes whose client is not connected yet (Run waits for them). */
  notReady: string[];
}

type NumberKey = 'messages' | 'ratePerSec' | 'sizeBytes' | 'pollIntervalMs' | 'warmup';
const NUMBER_FIELDS: NumberKey[] = ['messages', 'ratePerSec', 'sizeBytes', 'pollIntervalMs', 'warmup'];

/** The scenario as a form; every change goes straight to the URL through `onChange`. */
export function BenchmarkForm({ scenario, onChange, onRun, onCancel, running, notReady }: BenchmarkFormProps) {
  const messages = useMessages();
  const t = messages.compare.form;
  const setNumber = (field: NumberKey, value: number) => {
    const next = { ...scenario, [field]: value };
    // Keep the scenario valid while typing: warmup always below the message count.
    next.warmup = Math.min(next.warmup, next.messages - 1);
    onChange(next);
  };
  const toggle = (id: LaneId, on: boolean) => {
    const picked = LANE_IDS.filter((x) => (x === id ? on : scenario.transports.includes(x)));
    if (picked.length > 0) onChange({ ...scenario, transports: picked });
  };
  const heldFull = heldLanes(scenario.transports).length >= MAX_HELD_LANES;
  const variants = LANE_IDS.filter((id) => !isBaseLane(id));
  return (
    <form
      className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <fieldset disabled={running} className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <legend className="mb-2 text-xl font-bold">{t.legend}</legend>
        {NUMBER_FIELDS.map((field) => (
          <NumberField
            key={field}
            label={t[field]}
            className="block"
            testId={`scenario-${field}`}
            bounds={SCENARIO_BOUNDS[field]}
            value={scenario[field]}
            onValue={(value) => setNumber(field, value)}
          />
        ))}
      </fieldset>
      <fieldset disabled={running} className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className={LABEL}>{t.transports}</legend>
        {TRANSPORT_IDS.map((id) => (
          <label key={id} className="flex items-center gap-1">
            <input
              type="checkbox"
              data-testid={`scenario-transport-${id}`}
              checked={scenario.transports.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            {messages.transports[id].name}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running} className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className={LABEL}>{t.variants}</legend>
        {variants.map((id) => {
          const checked = scenario.transports.includes(id);
          // A held-request variant cannot be added past the limit (see MAX_HELD_LANES).
          const blocked = !checked && heldFull && LANES[id].holdsRequest === true;
          return (
            <label key={id} className="flex items-center gap-1">
              <input
                type="checkbox"
                data-testid={`scenario-transport-${id}`}
                checked={checked}
                disabled={blocked}
                onChange={(e) => toggle(id, e.target.checked)}
              />
              {messages.lanes[id].short}
            </label>
          );
        })}
        {heldFull && <p className="w-full text-sm text-slate-600" data-testid="held-limit">{t.heldLimit(MAX_HELD_LANES)}</p>}
      </fieldset>
      <fieldset disabled={running} className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className={LABEL}>{t.mode}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" data-testid="scenario-isolate" checked={scenario.isolate} onChange={() => onChange({ ...scenario, isolate: true })} />
          {t.isolate}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" data-testid="scenario-side-by-side" checked={!scenario.isolate} onChange={() => onChange({ ...scenario, isolate: false })} />
          {t.sideBySide}
        </label>
        <p className="w-full text-sm text-slate-600">{t.modeHelp}</p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={PRIMARY_BUTTON} data-testid="run-benchmark" disabled={running || notReady.length > 0}>
          {t.run}
        </button>
        <button type="button" className={SECONDARY_BUTTON} data-testid="cancel-benchmark" disabled={!running} onClick={onCancel}>
          {t.cancel}
        </button>
        {notReady.length > 0 && <span className="text-sm text-slate-700">{t.waiting(notReady)}</span>}
      </div>
    </form>
  );
}
