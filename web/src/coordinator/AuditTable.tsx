import type { Schemas } from '../api/client';
import { Link } from '../app/router';
import { formatZoned } from '../time/formatZoned';
import { auditLineWords, auditTargetWords, ERASED_USER, roleWords } from '../words';

type Line = Schemas['AuditEventView'];

/**
 * Lines of the audit trail in words: when (with its zone), who (name and role, linked to their
 * record), what they did, and what about (a person's name, or a plain kind such as "a session").
 * Never an id: an erased or unknown person is "Erased user".
 */
export function AuditTable({ lines, zone }: { lines: Line[]; zone: string }) {
  return (
    <table className="govuk-table app-stacked-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            When
          </th>
          <th scope="col" className="govuk-table__header">
            Who
          </th>
          <th scope="col" className="govuk-table__header">
            What they did
          </th>
          <th scope="col" className="govuk-table__header">
            About
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {lines.map((line) => (
          <tr className="govuk-table__row" key={line.id}>
            <td className="govuk-table__cell" data-label="When">
              {formatZoned(line.at, zone)}
            </td>
            <td className="govuk-table__cell" data-label="Who">
              <Who line={line} />
            </td>
            <td className="govuk-table__cell" data-label="What they did">
              {auditLineWords(line)}
            </td>
            <td className="govuk-table__cell" data-label="About">
              <About line={line} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The person's name, linked to their record; "Erased user" once erased. */
function PersonName({ id, name }: { id: string; name: string | null }) {
  if (name === null) return <>{ERASED_USER}</>;
  return <Link to={`/coordinator/people/${id}`}>{name}</Link>;
}

function Who({ line }: { line: Line }) {
  if (!line.actorId) return <>The service</>;
  return (
    <>
      <PersonName id={line.actorId} name={line.actorName} />
      {line.actorRole && (
        <>
          <br />
          <span className="govuk-body-s">{roleWords(line.actorRole)}</span>
        </>
      )}
    </>
  );
}

function About({ line }: { line: Line }) {
  if (line.targetType === 'account' && line.targetId) {
    return <PersonName id={line.targetId} name={line.targetName} />;
  }
  return <>{auditTargetWords(line.targetType)}</>;
}
