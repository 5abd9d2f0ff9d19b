import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildProgress } from './build-progress';

/**
 * The admin console. The host serves the build at /console/ (cloud/host/static-routes.ts),
 * so the base is fixed; routes live in the hash, so every page loads from index.html.
 * In development (`npm run dev:console`) the same origin proxies the protocol and the
 * catalog to a host started with `npm start`, as the build would find them in production.
 */
const HOST = process.env.LINLI_HOST_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react(), buildProgress()],
  build: {
    outDir: path.resolve(__dirname, 'dist'),
    emptyOutDir: true,
    // antd + ProComponents + ECharts are big however they are split; the chunks below keep
    // a library upgrade from invalidating the app's own code in browsers' caches.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender|echarts-for-react)\//.test(id)) return 'echarts';
          if (/node_modules\/(@tiptap|prosemirror-)/.test(id)) return 'editor';
          if (/node_modules\/leancloud-storage\//.test(id)) return 'sdk';
          if (/node_modules\/@ant-design\/pro-/.test(id)) return 'pro-components';
          if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/1.1': HOST, '/api': HOST },
  },
});
