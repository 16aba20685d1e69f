// The form editor starts itself only after our file formats and the Finnish interface are
// registered (editor.js calls CMS.init()): this runs before Decap CMS's script.
window.CMS_MANUAL_INIT = true;
