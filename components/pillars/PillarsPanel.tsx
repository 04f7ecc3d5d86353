import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { addCheck, checksFor } from '../../utils/db/repos/checks';
import type { Contact } from '../../utils/domain/contact';
import { PILLARS, pillarSummary, type Pillar, type RelationshipCheck } from '../../utils/domain/relationship-check';
import { formatDate, t } from '../../utils/i18n';
import { errorMessage } from '../ui/ErrorText';

/** Guiding questions per pillar (catalog keys `pil_<pillar>_q<n>`), from the 4-Säulen-Modell. */
export const PILLAR_QUESTIONS: Record<Pillar, number> = {
  factualInward: 3,
  factualOutward: 3,
  emotionalInward: 2,
  emotionalOutward: 3,
};

const SCORES = [1, 2, 3, 4, 5] as const;

type Scores = Partial<Record<Pillar, number>>;
type Comments = Partial<Record<Pillar, string>>;

/**
 * The four-pillar relationship check: guiding questions, a 1–5 score and a comment per pillar,
 * saved as one dated check; the history and a summary naming the weakest pillar.
 */
export function PillarsPanel({ db, contact }: { db: RapportDB; contact: Contact }) {
  const id = useId();
  const checks = useLiveQuery(() => checksFor(db, contact.id), [db, contact.id]);
  const [scores, setScores] = useState<Scores>({});
  const [comments, setComments] = useState<Comments>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const problems: string[] = [];
    const pillars: RelationshipCheck['pillars'] = {};
    for (const pillar of PILLARS) {
      const score = scores[pillar];
      const comment = (comments[pillar] ?? '').trim();
      if (score) pillars[pillar] = { score, comment: comment.slice(0, 5000) };
      else if (comment) problems.push(t('pil_err_commentWithoutScore', t(`pil_${pillar}`)));
    }
    if (Object.keys(pillars).length === 0 && problems.length === 0) problems.push(t('pil_err_none'));
    if (problems.length > 0) return setErrors(problems);
    try {
      await addCheck(db, { contactId: contact.id, pillars });
      setScores({});
      setComments({});
      setErrors([]);
      setStatus(t('pil_saved'));
    } catch (e) {
      setErrors([t('errorGeneric', errorMessage(e))]);
    }
  };

  const summary = pillarSummary(checks ?? []);
  const weakest = summary.weakest;

  return (
    <section className="pillars" data-testid="pillars" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('pil_title')}
      </h2>

      <div className="pillars__summary" aria-labelledby={`${id}-summary`} role="group">
        <h3 id={`${id}-summary`} className="pillars__subtitle">
          {t('pil_summary')}
        </h3>
        {weakest ? (
          <>
            <p className="pillars__weakest" data-testid="weakest-pillar" data-pillar={weakest}>
              {t('pil_weakest', t(`pil_${weakest}`), summary.latest[weakest]!.score)}
            </p>
            <ul className="pillars__latest">
              {PILLARS.map((pillar) => {
                const latest = summary.latest[pillar];
                return (
                  <li key={pillar} className={pillar === weakest ? 'pillars__latest--weakest' : undefined}>
                    <span className="pillars__name">{t(`pil_${pillar}`)}</span>
                    <span className="pillars__meter" aria-hidden="true">
                      <span style={{ width: `${((latest?.score ?? 0) / 5) * 100}%` }} />
                    </span>
                    <span>{latest ? t('pil_scoreN', latest.score) : '–'}</span>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="muted">{t('pil_notAssessed')}</p>
        )}
      </div>

      <form className="form pillars__form" onSubmit={save} aria-labelledby={`${id}-new`} noValidate>
        <h3 id={`${id}-new`} className="pillars__subtitle">
          {t('pil_newCheck')}
        </h3>
        {PILLARS.map((pillar) => (
          <fieldset key={pillar} className="pillar">
            <legend className="pillar__name">{t(`pil_${pillar}`)}</legend>
            <p className="pillar__about muted">{t(`pil_${pillar}_about`)}</p>
            <ul className="pillar__questions">
              {Array.from({ length: PILLAR_QUESTIONS[pillar] }, (_, i) => (
                <li key={i}>{t(`pil_${pillar}_q${i + 1}`)}</li>
              ))}
            </ul>
            <div className="pillar__scores" role="radiogroup" aria-label={`${t(`pil_${pillar}`)}: ${t('pil_score')}`}>
              {SCORES.map((score) => (
                <label key={score} className="pillar__score">
                  <input
                    type="radio"
                    name={`${id}-${pillar}`}
                    value={score}
                    checked={scores[pillar] === score}
                    onChange={() => setScores({ ...scores, [pillar]: score })}
                  />
                  <span>{score}</span>
                </label>
              ))}
            </div>
            <label>
              {t('pil_comment')}
              <textarea
                rows={2}
                maxLength={5000}
                value={comments[pillar] ?? ''}
                onChange={(e) => setComments({ ...comments, [pillar]: e.target.value })}
              />
            </label>
          </fieldset>
        ))}
        {errors.map((error) => (
          <p key={error} className="error" role="alert">
            {error}
          </p>
        ))}
        <div className="form__actions">
          <button type="submit" className="button">
            {t('pil_save')}
          </button>
          <span className="muted" aria-live="polite">
            {status}
          </span>
        </div>
      </form>

      <div className="pillars__history" role="group" aria-labelledby={`${id}-history`}>
        <h3 id={`${id}-history`} className="pillars__subtitle">
          {t('pil_history')}
        </h3>
        {checks && checks.length === 0 && <p className="muted">{t('pil_noHistory')}</p>}
        {checks && checks.length > 0 && (
          <ol className="pillars__checks">
            {[...checks].reverse().map((check) => (
              <li key={check.id} className="pillars__check" data-testid="pillar-check">
                <time dateTime={check.at}>{formatDate(check.at, true)}</time>
                <dl className="facts">
                  {PILLARS.filter((pillar) => check.pillars[pillar]).map((pillar) => {
                    const entry = check.pillars[pillar]!;
                    return (
                      <div key={pillar} className="pillars__fact">
                        <dt>{t(`pil_${pillar}`)}</dt>
                        <dd>
                          {t('pil_scoreN', entry.score)}
                          {entry.comment && <span className="pillars__comment"> — {entry.comment}</span>}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
