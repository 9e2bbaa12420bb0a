/**
 * People, organisations and places named in the story: chips grouped by kind, and an entry that
 * adds a name of the chosen kind. For a place the gazetteer offers matches (ArrowDown/ArrowUp,
 * Enter); a match is stored with its ISO 3166-1 country code as the identifier. A name the
 * gazetteer does not know is still added on Enter, without an identifier.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ENTITY_KIND_LABELS, ENTITY_KINDS, type Entity, type EntityKind, type GazetteerPlace } from '../../../../shared/tagging.ts';
import { CloseIcon, FieldError } from '../../ui/index.ts';
import { KIND_GROUP_LABELS, byKind, withEntity } from './entities.ts';
import { placeLabel, usePlaceSearch } from './usePlaceSearch.ts';

export interface EntitiesFieldProps {
  readonly entities: readonly Entity[];
  readonly onChange: (entities: readonly Entity[]) => void;
  readonly onBlur?: () => void;
}

export function EntitiesField({ entities, onChange, onBlur }: EntitiesFieldProps) {
  const [kind, setKind] = useState<EntityKind>('person');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const listId = useId();
  const errorId = useId();
  const places = usePlaceSearch(text, kind === 'place' && open);
  const expanded = open && places.length > 0;

  const add = (entity: Entity) => {
    const { list, error: problem } = withEntity(entities, entity);
    setError(problem);
    if (problem) return;
    if (list !== entities) onChange(list);
    setText('');
    setActive(-1);
    setOpen(false);
  };
  const addPlace = (place: GazetteerPlace) => add({ kind: 'place', name: place.name, id: place.countryCode });

  const remove = (entity: Entity) => {
    onChange(entities.filter((e) => e !== entity));
    setError(null);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && places.length > 0) {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step === 1 ? 0 : places.length - 1) : (i + step + places.length) % places.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (expanded && active >= 0 && places[active]) addPlace(places[active]);
      else if (text.trim()) add({ kind, name: text.trim() });
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="cd-tagging__field">
      <span id={labelId} className="cd-tagging__label">
        People, organisations, places
      </span>
      {entities.length > 0 ? (
        <div className="cd-entity-groups">
          {byKind(entities).map(([group, items]) => (
            <div key={group} className="cd-entity-group">
              <span id={`${labelId}-${group}`} className="cd-entity-group__label">
                {KIND_GROUP_LABELS[group]}
              </span>
              <ul className="cd-tagging__chips" aria-labelledby={`${labelId}-${group}`}>
                {items.map((entity) => (
                  <li
                    key={`${entity.kind}:${entity.name}`}
                    className={`cd-chip cd-chip--${entity.kind}`}
                    title={entity.id ? `${ENTITY_KIND_LABELS[entity.kind]} · ${entity.id}` : ENTITY_KIND_LABELS[entity.kind]}
                  >
                    <span dir="auto">{entity.name}</span>
                    {entity.id ? <span className="cd-chip__code">{entity.id}</span> : null}
                    <button
                      type="button"
                      className="cd-chip__remove"
                      aria-label={`Remove ${ENTITY_KIND_LABELS[entity.kind].toLocaleLowerCase()} ${entity.name}`}
                      title={`Remove ${entity.name}`}
                      onClick={() => remove(entity)}
                    >
                      <CloseIcon />
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      <div className="cd-entity-entry">
        <select
          className="cd-select cd-entity-entry__kind"
          aria-label="Kind of name"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as EntityKind);
            setActive(-1);
            inputRef.current?.focus();
          }}
        >
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {ENTITY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <div className="cd-topic-picker">
          <input
            ref={inputRef}
            className="cd-tagging__input"
            type="text"
            role="combobox"
            aria-label={`Add ${ENTITY_KIND_LABELS[kind].toLocaleLowerCase()}`}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder={kind === 'place' ? 'Add a place (the gazetteer helps)' : `Add a ${ENTITY_KIND_LABELS[kind].toLocaleLowerCase()} (Enter)`}
            autoComplete="off"
            spellCheck={false}
            dir="auto"
            maxLength={200}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
              setError(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
              onBlur?.();
            }}
          />
          <ul id={listId} role="listbox" aria-label="Places in the gazetteer" className="cd-topic-picker__list" hidden={!expanded}>
            {places.map((place, index) => (
              <li
                key={`${place.type}:${place.name}:${place.countryCode}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'cd-topic-option cd-topic-option--active' : 'cd-topic-option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => addPlace(place)}
              >
                <span className="cd-topic-option__label">{placeLabel(place)}</span>
                <span className="cd-topic-option__path">{place.type === 'city' ? 'City' : 'Country'}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
