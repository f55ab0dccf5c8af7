/** A calendar date (YYYY-MM-DD) as the instant it starts in Phnom Penh, for the formatter. */
export const calendarDate = (date: string) => new Date(`${date}T00:00:00+07:00`);
