// Starts the form editor: our file formats (one per collection, from the form shapes the build
// wrote beside this script), then Decap CMS with the config.yml beside the page.
import * as YAML from './lib/yaml/index.js';
import { register } from './fileformat.js';

const response = await fetch(new URL('shapes.json', import.meta.url));
const shapes = await response.json();
register(window.CMS, shapes, YAML);
window.CMS.init();
