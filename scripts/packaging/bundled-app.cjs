// electron-builder's beforeBuild hook. Answering false tells it that node_modules are handled
// outside it: Dossier's built main, preload and page are bundled whole by electron-vite, so the
// package ships none, and nothing is rebuilt (no native module, no download of Node headers).
exports.beforeBuild = async () => false;
