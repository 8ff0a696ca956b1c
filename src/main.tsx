import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createRoutes } from './app/router.tsx';
import { createQueryClient } from './lib/query-client.ts';
import './styles/global.css';

const queryClient = createQueryClient();
const router = createBrowserRouter(createRoutes(queryClient));

// In development, editing a file in content/ rebuilds the JSON API; refetch what is on screen.
if (import.meta.hot) {
  import.meta.hot.on('content:update', () => {
    void queryClient.invalidateQueries();
  });
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
