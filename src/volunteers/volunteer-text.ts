/** V + 8 letters or digits, as printed; spaces and dashes a person types are dropped. */
export function normalizeVolunteerCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 9);
}
