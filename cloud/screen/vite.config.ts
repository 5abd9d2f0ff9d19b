import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildProgress } from '../console/build-progress';

/**
 * 大屏: the service centre's screen page. The host serves the build at /screen/ (cloud/start.ts);
 * the screen's key travels in the URL's fragment (/screen/#<key>), which no request carries.
 */
const HOST = process.env.LINLI_HOST_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  base: '/screen/',
  plugins: [react(), buildProgress('screen')],
  build: { outDir: path.resolve(__dirname, 'dist'), emptyOutDir: true },
  server: { port: 5174, proxy: { '/1.1': HOST } },
});
