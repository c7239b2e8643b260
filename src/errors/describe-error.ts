/**
 * What may be logged about an error: enough for an operator to see what
 * failed (its kind, HTTP status, database error code and the constraint or
 * fields involved), never what was being written. A GitHub error can quote the
 * request (a case file, a reason), and a database error the query's values,
 * so neither's full message is ever passed on.
 */
export interface DescribedError {
  /** One line, at most 300 characters, safe to log and to store. */
  message: string;
  name?: string;
  status?: number;
  code?: string;
  /** For a database constraint error: the constraint, or the fields, involved. */
  target?: string;
}

const PRISMA_CODE = /^P\d{4}$/;

export function describeError(error: unknown): DescribedError {
  if (!(error instanceof Error)) return { message: "a non-error value was thrown" };
  const { status, code } = error as { status?: unknown; code?: unknown };
  const described: DescribedError = { message: firstLine(error.message), name: error.name };
  if (typeof status === "number") described.status = status;
  if (typeof code === "string") described.code = code;
  if (typeof code === "string" && PRISMA_CODE.test(code)) {
    // Prisma's message restates the whole call, values included: name only the error and what it was about.
    const target = prismaTarget(error);
    if (target !== undefined) described.target = target;
    described.message = `database error ${code}${target ? ` on ${target}` : ""}`;
  }
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (described.code === undefined && typeof cause?.code === "string") described.code = cause.code;
  return described;
}

function prismaTarget(error: Error): string | undefined {
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  if (!meta) return undefined;
  const modelName = typeof meta.modelName === "string" ? meta.modelName : undefined;
  const fields = fieldsOf(meta.target) ?? fieldsOf(adapterConstraint(meta));
  if (fields) return modelName ? `${modelName}(${fields})` : fields;
  return modelName;
}

/** Prisma 7's driver adapters put a unique violation's fields under driverAdapterError.cause.constraint. */
function adapterConstraint(meta: Record<string, unknown>): unknown {
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } } | undefined)?.cause;
  return cause?.constraint?.fields ?? cause?.constraint?.index;
}

function fieldsOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return undefined;
}

function firstLine(message: string): string {
  const line = message.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.trim().slice(0, 300);
}
