import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { importLibraryFileFrom, libraryFileName, toLibraryFile } from '../api/library-file.ts';
import type { SavedArticle } from '../api/library-store.ts';
import { libraryChanged } from '../lib/library-sync.ts';

/** Hands the browser a file to download, made here: nothing is sent anywhere. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export the saved articles as a JSON file, and import such a file (from here or elsewhere). */
export function LibraryFileTools({ saved }: { saved: SavedArticle[] }) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const importing = useMutation({
    mutationFn: importLibraryFileFrom,
    onSettled: () => libraryChanged(queryClient),
  });
  return (
    <div className="saved__tools">
      {saved.length > 0 && (
        <button
          type="button"
          className="button"
          onClick={() => download(libraryFileName(), toLibraryFile(saved))}
        >
          {m.exportSaved}
        </button>
      )}
      <label className="saved__import">
        {m.importSaved}
        <input
          type="file"
          accept="application/json,.json"
          disabled={importing.isPending}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) importing.mutate(file);
          }}
        />
      </label>
      <p className="saved__status" role="status">
        {importing.isSuccess &&
          m.importDone(importing.data.added, importing.data.updated, importing.data.unchanged)}
      </p>
      {importing.isError && (
        <p className="saved__error" role="alert">
          {m.importFailed(importing.error.message)}
        </p>
      )}
    </div>
  );
}
