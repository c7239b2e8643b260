/**
 * The private report form: what happened, where (links), when, who was
 * involved, whether it goes on, whether anyone is in danger (the safety
 * guidance appears at once; without JavaScript it is always shown), whether
 * the reporter stays unknown to the subject, committee members to exclude, and
 * the outcome they would like. Every field has a label and its hint, limits
 * are shown, and errors are listed at the top and beside their fields, with
 * everything typed kept.
 */
import type { ComponentChildren } from "preact";
import { FIELD_LIMITS, MAX_EXCLUDED, MAX_LINKS, type FieldErrors, type ReportField, type ReportFormValues } from "../../reports/report-form.js";
import { CsrfField, Layout, type Frame } from "./layout.js";

export interface ReportFormProps {
  frame: Frame;
  values: ReportFormValues;
  errors: FieldErrors;
  /** Characters allowed for what happened (`reports.max_length`). */
  maxLength: number;
  /** The community's safety guidance (`reports.safety`). */
  safety: string;
  webHost: string;
}

const LABELS: Record<ReportField, string> = {
  what_happened: "What happened",
  where: "Where it happened: links",
  when: "When it happened",
  people: "People involved and witnesses",
  ongoing: "Is it still going on?",
  in_danger: "Is anyone in danger?",
  anonymous: "Should the person you report be kept from knowing who reported?",
  exclude: "Committee members who should not handle your report",
  outcome: "What outcome would you like?",
};

export function ReportFormPage(props: ReportFormProps) {
  const { values, errors } = props;
  const listed = (Object.keys(LABELS) as ReportField[]).filter((name) => errors[name]);
  return (
    <Layout title="Report conduct privately" frame={props.frame} scripts={["/assets/forms.js"]}>
      {listed.length > 0 && (
        <div class="errors" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">Your report was not sent yet: please check {listed.length === 1 ? "one answer" : `${listed.length} answers`}</h2>
          <ul>
            {listed.map((name) => (
              <li>
                <a href={`#${fieldId(name)}`}>
                  {LABELS[name]}: {errors[name]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        Tell the conduct committee about behaviour on GitHub that breaks the Code of Conduct. Only the committee
        handling the case sees what you write here. The content you link to is hidden at once where GitHub allows it.
      </p>
      <form method="post" action="/report" novalidate>
        <CsrfField token={props.frame.csrfToken} />
        <TextArea name="what_happened" values={values} errors={errors} limit={props.maxLength} required hint="In your own words: what was said or done, and how it affected you or others." rows={10} />
        <TextArea
          name="where"
          values={values}
          errors={errors}
          limit={FIELD_LIMITS.where}
          required
          hint={`One link per line, up to ${MAX_LINKS}. At least one must be an issue, pull request, comment or review on ${props.webHost}: use "Copy link" on the comment. The first such link is the one the case is about.`}
          rows={4}
        />
        <TextInput name="when" values={values} errors={errors} hint="A date and time, or roughly (for example: last Tuesday evening, UTC)." />
        <TextArea name="people" values={values} errors={errors} limit={FIELD_LIMITS.people} hint="GitHub usernames or names of the people involved, and of anyone who saw it. Optional." rows={4} />
        <Choice name="ongoing" values={values} errors={errors} options={[["yes", "Yes"], ["no", "No"], ["unsure", "I am not sure"]]} />
        <Choice name="in_danger" values={values} errors={errors} options={[["yes", "Yes"], ["no", "No"]]} reveals={{ yes: "safety-guidance" }} hint="For example, threats of violence, or personal information published to harm someone.">
          <div id="safety-guidance" class="safety" role="note">
            <h2>If someone is in danger</h2>
            <p>{props.safety}</p>
          </div>
        </Choice>
        <Choice
          name="anonymous"
          values={values}
          errors={errors}
          options={[["yes", "Yes, do not tell them it was me"], ["no", "No"]]}
          hint="The committee always knows who reported. The app never names reporters in what it tells the person reported; answering yes asks the committee to keep it so in anything they write."
        />
        <TextInput
          name="exclude"
          values={values}
          errors={errors}
          hint={`GitHub usernames, separated by spaces or commas, up to ${MAX_EXCLUDED}: for example, a committee member you are reporting, or who is close to the person. They take no part in the case. Optional.`}
        />
        <TextArea name="outcome" values={values} errors={errors} limit={FIELD_LIMITS.outcome} hint="For example: the comment removed, an apology, a warning. The committee decides, but it will weigh what you ask. Optional." rows={4} />
        <button type="submit">Send the report</button>
      </form>
    </Layout>
  );
}

interface FieldProps {
  name: ReportField;
  values: ReportFormValues;
  errors: FieldErrors;
  hint: string;
}

function fieldId(name: ReportField): string {
  return `field-${name.replace(/_/g, "-")}`;
}

/** The ids a field's `aria-describedby` lists: its hint, its count or limit, its error. */
function describedBy(name: ReportField, errors: FieldErrors, extra: string[] = []): string {
  const id = fieldId(name);
  return [`${id}-hint`, ...extra, ...(errors[name] ? [`${id}-error`] : [])].join(" ");
}

function FieldError(props: { name: ReportField; errors: FieldErrors }) {
  const message = props.errors[props.name];
  return message ? (
    <span class="field-error" id={`${fieldId(props.name)}-error`}>
      {message}
    </span>
  ) : null;
}

function TextArea(props: FieldProps & { limit: number; rows: number; required?: boolean }) {
  const id = fieldId(props.name);
  return (
    <>
      <label for={id}>
        {LABELS[props.name]}
        {props.required ? " (required)" : ""}
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      </label>
      <FieldError name={props.name} errors={props.errors} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        maxLength={props.limit}
        required={props.required}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.errors, [`${id}-count`])}
        data-count={`${id}-count`}
      >
        {props.values[props.name]}
      </textarea>
      <span class="count" id={`${id}-count`} aria-live="polite">
        Up to {props.limit} characters.
      </span>
    </>
  );
}

function TextInput(props: FieldProps) {
  const id = fieldId(props.name);
  const limit = FIELD_LIMITS[props.name];
  return (
    <>
      <label for={id}>
        {LABELS[props.name]}
        <span class="hint" id={`${id}-hint`}>
          {props.hint} Up to {limit} characters.
        </span>
      </label>
      <FieldError name={props.name} errors={props.errors} />
      <input
        type="text"
        id={id}
        name={props.name}
        value={props.values[props.name]}
        maxLength={limit}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.errors)}
      />
    </>
  );
}

function Choice(props: Omit<FieldProps, "hint"> & { options: Array<[string, string]>; reveals?: Record<string, string>; hint?: string; children?: ComponentChildren }) {
  const id = fieldId(props.name);
  return (
    <fieldset id={id} aria-describedby={describedBy(props.name, props.errors)}>
      <legend>{LABELS[props.name]} (required)</legend>
      <span class="hint" id={`${id}-hint`}>
        {props.hint ?? "Choose one."}
      </span>
      <FieldError name={props.name} errors={props.errors} />
      {props.options.map(([value, text]) => (
        <span class="choice">
          <input
            type="radio"
            id={`${id}-${value}`}
            name={props.name}
            value={value}
            checked={props.values[props.name] === value}
            aria-invalid={props.errors[props.name] ? "true" : undefined}
            data-reveals={props.reveals?.[value]}
          />
          <label for={`${id}-${value}`}>{text}</label>
        </span>
      ))}
      {props.children}
    </fieldset>
  );
}
