/** The states a case can be in, as the database names them (see `CaseState` in the Prisma schema). */
export type { CaseState } from "../generated/prisma/enums.js";
