/**
 * The text that replaces content removed by the committee. It is public (it
 * stands where the content was), so it says only that something was removed,
 * never by whom, why in detail, or who reported it.
 */
export function removalNotice(): string {
  return "_This content was removed by the moderators under the project's Code of Conduct._";
}
