/** The story's metadata panel (slugline, byline, dateline, language, rights, embargo, pictures…). Other parts of the renderer import it only through this file. */
export { MetadataPanel, type MetadataChange } from './MetadataPanel.tsx';
export { houseRules, type HouseRules } from './house.ts';
export { PictureThumb } from './pictureFiles.tsx';
export { Count } from './TextField.tsx';
export { formatInZone, readerZone } from './zonedTime.ts';

// The feature's own styles, after those of everything it uses.
import './metadata.css';
