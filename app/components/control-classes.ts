/**
 * Tailwind class lists shared by the form controls, written out in full so Tailwind's scanner
 * finds them. Focus rings come from app/globals.css (`:focus-visible`).
 */

/** Text inputs and selects. */
export const FIELD =
  'w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700';

/** Labels above a field. */
export const LABEL = 'mb-1 block text-sm font-semibold text-slate-700';

/** The main action of a form. */
export const PRIMARY_BUTTON =
  'shrink-0 rounded-md bg-slate-900 px-3 py-1.5 text-base font-semibold text-white hover:bg-slate-700 disabled:bg-slate-400';

/** Secondary actions. */
export const SECONDARY_BUTTON =
  'shrink-0 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-base font-medium text-slate-900 hover:bg-slate-100';

/** Small headings inside a pane. */
export const SECTION_HEADING = 'mb-1 text-sm font-bold uppercase tracking-wide text-slate-600';
