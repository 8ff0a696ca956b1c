import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, inject, vi } from 'vitest';
import { LOCALES, loadMessages } from '../lib/i18n/i18n.tsx';

// Every language's strings, as the prerender has them: a test switches language at once.
await Promise.all(LOCALES.map(loadMessages));

// The app reads its API base at call time, so every test talks to the real test server.
vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));

// The suite must hold while another process keeps both cores busy: what a test waits for
// (a fetch from the test server, a render) may take several times its quiet time.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
