/**
 * The story's metadata, compact and keyboard-first: one button opens or closes it (remembered),
 * and when closed a one-line summary says what is set. Every field checks its value with the
 * shared schema; valid values go to the story's autosave, in the same save as the text. Beside
 * the text on a wide window, above it on a narrow one (CSS container query).
 */
import { useGenres } from './useGenres.ts';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { URGENCY_MEANINGS, copyrightHolderSchema, copyrightNoticeSchema, creditLineSchema, editorialNoteSchema, readingMinutes, sluglineSchema, summarySchema, targetWordsSchema, usageTermsSchema } from '../../../../shared/news-item.ts';
import type { Story, StoryContentPatch } from '../../../../shared/story.ts';
import { ChevronDownIcon } from '../../ui/index.ts';
import { BylineField } from './BylineField.tsx';
import { DeskField, GenreField, LanguageField, UrgencyField } from './ChoiceFields.tsx';
import { formatDateline } from '../../../../shared/dateline.ts';
import { EmbargoField } from './EmbargoField.tsx';
import type { HouseRules } from './house.ts';
import { PicturesField, usePictureDrop, usePictures } from './PicturesField.tsx';
import { DatelineField, LocatedField } from './PlaceFields.tsx';
import { Count, TextField } from './TextField.tsx';
import { usePanelOpen } from './usePanelOpen.ts';
import { embargoCountdown } from './zonedTime.ts';

/** The metadata fields (everything but the headline, the text and the keywords). */
export type MetadataChange = Omit<StoryContentPatch, 'headline' | 'body' | 'keywords'>;
type Values = Omit<Story, 'headline' | 'body' | 'keywords'>;

export interface MetadataPanelProps {
  /** The story as opened: each field starts from it. */
  readonly story: Story;
  /** The language the story carries now (detected by main unless chosen). */
  readonly language: string;
  readonly house: HouseRules;
  readonly profileName: string;
  readonly words: number;
  readonly characters: number;
  readonly now: number;
  readonly onChange: (change: MetadataChange) => void;
  /** Leaving a field saves at once (as leaving the headline does). */
  readonly onLeave: () => void;
  /** Subjects and entities (the tagging feature's picker and suggestions) go here. */
  readonly tagging?: ReactNode;
  /** The IPTC genres once listed (`tagging.genres`); until then the genre is a checked text field. */
  readonly genres?: readonly { readonly qcode: string; readonly label: string }[];
}

export function MetadataPanel(props: MetadataPanelProps) {
  const { story, house, onLeave } = props;
  const { open, toggle } = usePanelOpen();
  const listedGenres = useGenres();
  const [values, setValues] = useState<Values>(story);
  const [slugLength, setSlugLength] = useState(story.slugline.length);
  const bodyId = useId();
  const change = (patch: MetadataChange) => {
    setValues((v) => ({ ...v, ...patch }));
    props.onChange(patch);
  };
  const pictures = usePictures({ initial: story.pictures, onValid: (p) => change({ pictures: p }) });
  const drop = usePictureDrop((files) => void pictures.add(files));
  const summary = summaryParts(values, props.language, props.now);

  return (
    <section className={drop.over ? 'cd-meta cd-meta--drop' : 'cd-meta'} aria-label="Story details" {...drop.handlers}>
      <h2 className="cd-meta__heading">
        <button type="button" className="cd-meta__toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span className="cd-meta__chevron" aria-hidden="true">
            <ChevronDownIcon />
          </span>
          Story details
        </button>
      </h2>
      {!open ? (
        <p className="cd-meta__summary" aria-label="Details summary" dir="ltr">
          {summary.length ? (
            summary.map((part, i) => (
              <Fragment key={i}>
                {i > 0 ? (
                  <span className="cd-meta__sep" aria-hidden="true">
                    {' · '}
                  </span>
                ) : null}
                <bdi>{part}</bdi>
              </Fragment>
            ))
          ) : (
            <span>No slugline, dateline or byline yet</span>
          )}
        </p>
      ) : null}
      <div id={bodyId} className="cd-meta__body" hidden={!open}>
        <TextField
          label="Slugline"
          schema={sluglineSchema}
          initial={story.slugline}
          onValid={(slugline) => change({ slugline })}
          onLeave={onLeave}
          houseRule={(s) => (s.length > house.sluglineLimit ? `A slugline is at most ${house.sluglineLimit} characters here (house rule).` : null)}
          onRaw={(raw) => setSlugLength(raw.trim().length)}
          aside={<Count value={slugLength} limit={house.sluglineLimit} label="Slugline length" />}
          hint="Letters, digits and hyphens: AZERBAIJAN-ISRAEL"
          placeholder="WORD-WORD"
          className="cd-meta__field--slug"
        />
        <TextField label="Summary" schema={summarySchema} initial={story.summary} multiline spellCheck onValid={(summary) => change({ summary })} onLeave={onLeave} />
        <BylineField initial={story.byline} profileName={props.profileName} onValid={(byline) => change({ byline })} onLeave={onLeave} />
        <DatelineField initial={story.dateline} language={props.language} onValid={(dateline) => change({ dateline })} onLeave={onLeave} />
        <LocatedField initial={story.located} onValid={(located) => change({ located })} onLeave={onLeave} />
        <fieldset className="cd-meta__group">
          <legend className="cd-meta__legend">Classification</legend>
          <div className="cd-meta__grid cd-meta__grid--two">
            <LanguageField
              language={props.language}
              chosen={values.languageSetByPerson}
              onChoose={(choice) => change(choice)}
              onLeave={onLeave}
            />
            <GenreField initial={story.genre} genres={props.genres ?? listedGenres} onValid={(genre) => change({ genre })} onLeave={onLeave} />
            <UrgencyField initial={story.urgency} onValid={(urgency) => change({ urgency })} onLeave={onLeave} />
            <DeskField initial={story.desk} desks={house.desks} onValid={(desk) => change({ desk })} onLeave={onLeave} />
          </div>
          {/* Slot: subjects and people, organisations, places (features/tagging). */}
          {props.tagging ?? null}
        </fieldset>
        <EmbargoField initial={story.embargo} now={props.now} onValid={(embargo) => change({ embargo })} onLeave={onLeave} />
        <fieldset className="cd-meta__group">
          <legend className="cd-meta__legend">Rights</legend>
          <TextField label="Credit line" schema={creditLineSchema} initial={story.creditLine} onValid={(creditLine) => change({ creditLine })} onLeave={onLeave} />
          <TextField label="Copyright holder" schema={copyrightHolderSchema} initial={story.copyrightHolder} onValid={(copyrightHolder) => change({ copyrightHolder })} onLeave={onLeave} />
          <TextField label="Copyright notice" schema={copyrightNoticeSchema} initial={story.copyrightNotice} onValid={(copyrightNotice) => change({ copyrightNotice })} onLeave={onLeave} />
          <TextField label="Usage terms" schema={usageTermsSchema} initial={story.usageTerms} multiline onValid={(usageTerms) => change({ usageTerms })} onLeave={onLeave} />
        </fieldset>
        <PicturesField pictures={pictures.pictures} errors={pictures.errors} busy={pictures.busy} onAdd={(files) => void pictures.add(files)} onCommit={pictures.commit} onLeave={onLeave} />
        <fieldset className="cd-meta__group">
          <legend className="cd-meta__legend">Length</legend>
          <TextField
            label="Target length (words)"
            schema={targetWordsSchema.nullable()}
            initial={story.targetWords === null ? '' : String(story.targetWords)}
            inputMode="numeric"
            toInput={(raw) => (raw.trim() === '' ? null : /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw)}
            onValid={(targetWords) => change({ targetWords })}
            onLeave={onLeave}
          />
          <p className="cd-meta__live" aria-label="Length now">
            {lengthLine(props.words, props.characters, values.targetWords)}
          </p>
        </fieldset>
        <TextField
          label="Editorial note — never published"
          className="cd-meta__field--internal"
          schema={editorialNoteSchema}
          initial={story.editorialNote}
          multiline
          spellCheck
          onValid={(editorialNote) => change({ editorialNote })}
          onLeave={onLeave}
        />
      </div>
    </section>
  );
}

function lengthLine(words: number, characters: number, target: number | null): string {
  const minutes = readingMinutes(words);
  const base = `${words.toLocaleString()} ${words === 1 ? 'word' : 'words'} · ${characters.toLocaleString()} characters · ${minutes} min read`;
  if (target === null) return base;
  const left = target - words;
  return `${base} · target ${target.toLocaleString()}: ${left >= 0 ? `${left.toLocaleString()} to go` : `${(-left).toLocaleString()} over`}`;
}

/** What the closed panel says in one line. */
function summaryParts(v: Values, language: string, now: number): string[] {
  const parts: string[] = [];
  if (v.slugline) parts.push(v.slugline);
  if (v.dateline) parts.push(formatDateline(v.dateline, language).replace(/\s*--$/, ''));
  if (v.byline.length) parts.push(`By ${v.byline.map((c) => c.name).join(', ')}`);
  if (v.urgency !== null) parts.push(`Urgency ${v.urgency} (${URGENCY_MEANINGS[v.urgency]})`);
  if (v.embargo) parts.push(`Embargo ${embargoCountdown(v.embargo.at, now)}`);
  if (v.pictures.length) parts.push(`${v.pictures.length} ${v.pictures.length === 1 ? 'picture' : 'pictures'}`);
  if (v.desk) parts.push(v.desk);
  return parts;
}
