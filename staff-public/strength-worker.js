// The passphrase-strength worker's entry: loads the wasm-bindgen glue Trunk writes for
// `strength/` (workers keep unhashed names) and starts its wasm, which then answers.
importScripts('./strength.js');
wasm_bindgen({ module_or_path: './strength_bg.wasm' });
