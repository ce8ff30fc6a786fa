import type { ReactNode } from 'react';
import type { CostExport } from '../../../measure/cost-export';
import type { TaskState } from '../../hooks/use-task';
import { PRIMARY_BUTTON } from '../control-classes';
import { CostExportButtons } from './cost-export-buttons';
import { TaskStatus } from './task-status';

export interface MeasurementControlsProps<T> {
  /** Inputs before the button, on one wrapping row with it; none puts the button alone in a plain block. */
  fields?: ReactNode;
  /** The start button: its test id and label; disabled while `busy`. */
  buttonTestId: string;
  buttonLabel: string;
  onStart: () => void;
  busy: boolean;
  /** A line of help under the inputs. */
  note?: ReactNode;
  /** Test id of the status line (`{statusTestId}-cancel` on its Cancel button). */
  statusTestId: string;
  state: TaskState<T>;
  onCancel: () => void;
  /** The finished measurement to offer as JSON / CSV, or null while there is none. */
  cost: CostExport | null;
}

/** The controls of one cost measurement: inputs and its start button, its status with Cancel, then its exports. */
export function MeasurementControls<T>(props: MeasurementControlsProps<T>) {
  const { fields, buttonTestId, buttonLabel, onStart, busy, note, statusTestId, state, onCancel, cost } = props;
  const button = (
    <button type="button" className={PRIMARY_BUTTON} data-testid={buttonTestId} disabled={busy} onClick={onStart}>
      {buttonLabel}
    </button>
  );
  return (
    <>
      {fields ? (
        <div className="flex flex-wrap items-end gap-3">
          {fields}
          {button}
        </div>
      ) : (
        <div>{button}</div>
      )}
      {note}
      <TaskStatus testId={statusTestId} state={state} onCancel={onCancel} />
      {cost && <CostExportButtons cost={cost} />}
    </>
  );
}
