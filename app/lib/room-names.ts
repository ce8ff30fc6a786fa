/** Reading the room field: one or several names separated by commas or whitespace. */

/**
 * Splits what the user typed into room names, dropping empties and repeats.
 * Full-width commas (，、) count as separators too, for Chinese keyboards.
 */
export function parseRoomNames(input: string): string[] {
  const names = input.split(/[\s,，、]+/u).filter((name) => name.length > 0);
  return [...new Set(names)];
}
