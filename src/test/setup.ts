import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, inject, vi } from 'vitest';

// The app reads its API base at call time, so every test talks to the real test server.
vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));

// The suite must hold while another process keeps both cores busy: what a test waits for
// (a fetch from the test server, a render) may take several times its quiet time.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
