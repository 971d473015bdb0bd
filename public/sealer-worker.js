// The sealing worker's entry: loads the wasm-bindgen glue Trunk writes for `sealer/`
// (workers keep unhashed names) and starts its wasm, which then listens for requests.
importScripts('./sealer.js');
wasm_bindgen({ module_or_path: './sealer_bg.wasm' });
