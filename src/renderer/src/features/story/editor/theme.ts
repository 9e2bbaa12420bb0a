/** The body editor's class names: one map, styled by the prefixed `styles/editor.css`. */
import type { EditorThemeClasses } from 'lexical';

export const CopydeskEditorTheme: EditorThemeClasses = {
  ltr: 'cd-editor__ltr',
  rtl: 'cd-editor__rtl',
  paragraph: 'cd-editor__paragraph',
  quote: 'cd-editor__quote',
  heading: {
    h1: 'cd-editor__h1',
    h2: 'cd-editor__h2',
    h3: 'cd-editor__h3',
    h4: 'cd-editor__h4',
    h5: 'cd-editor__h5',
    h6: 'cd-editor__h6',
  },
  list: {
    ul: 'cd-editor__ul',
    ol: 'cd-editor__ol',
    listitem: 'cd-editor__listitem',
    nested: { listitem: 'cd-editor__nested-listitem' },
  },
  link: 'cd-editor__link',
  text: {
    bold: 'cd-editor__bold',
    italic: 'cd-editor__italic',
    underline: 'cd-editor__underline',
    strikethrough: 'cd-editor__strikethrough',
    underlineStrikethrough: 'cd-editor__underline-strikethrough',
    code: 'cd-editor__code',
  },
};
