/**
 * What a number input's text means as a whole number within `min`..`max`: rounded and clamped;
 * null for an empty or non-numeric entry (the field then keeps its last valid value).
 */
export function clampedInt(text: string, { min, max }: { min: number; max: number }): number | null {
  const v = Math.round(Number(text));
  if (text.trim() === '' || !Number.isFinite(v)) return null;
  return Math.min(max, Math.max(min, v));
}
