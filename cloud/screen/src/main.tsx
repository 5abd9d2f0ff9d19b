import './screen.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenApp } from './screen-app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ScreenApp screenKey={window.location.hash.replace(/^#/, '')} search={window.location.search} />
  </StrictMode>,
);
