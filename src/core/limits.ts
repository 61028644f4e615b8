/**
 * The bounds the bot keeps, in one place, each with the README's words for it (README: "Limits").
 * Each is enforced where the data enters, with a message that names it, so that nothing grows past
 * what a card, a message or the process's memory can hold.
 */

/** A plan file (.xlsx, .csv or .md): its size on disk. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
/** Rows of any sheet of a plan workbook, or of a plan CSV, the header row included. */
export const MAX_PLAN_ROWS = 5_000;
/** Columns of any sheet of a plan workbook, or of a plan CSV (the template has 17 on its widest sheet). */
export const MAX_PLAN_COLUMNS = 60;
/** Actions in one plan. */
export const MAX_PLAN_ACTIONS = 2_000;
/** Units a plan names as responsible (Ansvarig). */
export const MAX_PLAN_UNITS = 150;

/** A contacts CSV: its size on disk. */
export const MAX_CONTACTS_FILE_BYTES = 1024 * 1024;
/** Contacts of one unit. */
export const MAX_CONTACTS_PER_UNIT = 10;
/** Contacts in all: every unit of the largest plan with all its contacts (150 × 10). */
export const MAX_CONTACTS = MAX_PLAN_UNITS * MAX_CONTACTS_PER_UNIT;

/** Lines of one list on a card before the rest is summed up ("… och 12 till"). */
export const MAX_CARD_LIST_LINES = 30;
