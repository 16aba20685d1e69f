// Starts the form editor: our file formats (one per collection, from the form shapes the build
// wrote beside this script), then Decap CMS with the config.yml beside the page.
import * as YAML from './lib/yaml/index.js';
import { register } from './fileformat.js';

const load = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
};

const shapes = JSON.parse(await load(new URL('shapes.json', import.meta.url)));
const config = YAML.parse(await load(new URL('config.yml', document.baseURI)));
if (config.local_backend) {
  // The preview's own address, whichever of its names the page was opened by: Decap needs an
  // absolute URL, and the page's policy allows only its own origin.
  config.local_backend.url = new URL(config.local_backend.url, location.origin).href;
}
register(window.CMS, shapes, YAML);
window.CMS.init({ config: { ...config, load_config_file: false } });
