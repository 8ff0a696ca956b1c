import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, inject, vi } from 'vitest';

// The app reads its API base at call time, so every test talks to the real test server.
vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));

afterEach(() => {
  cleanup();
});
