import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
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

/** A file's name inside a sentence, kept whole in either direction (an English name in Arabic). */
const isolated = (name: string) => `\u2068${name}\u2069`;

/**
 * Export the saved articles as a JSON file, and import such a file (from here or elsewhere).
 * The file input is the import's control for the keyboard and screen readers (a button named
 * by its label); it is hidden only from sight, and its label is what the eye sees and the
 * pointer clicks, styled as the Export button's partner instead of the browser's own
 * "Choose File / No file chosen".
 */
export function LibraryFileTools({ saved }: { saved: SavedArticle[] }) {
  const m = useMessages();
  const inputId = useId();
  const queryClient = useQueryClient();
  const importing = useMutation({
    mutationFn: importLibraryFileFrom,
    onSettled: () => libraryChanged(queryClient),
  });
  const fileName = importing.variables && isolated(importing.variables.name);
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
      <span className="saved__import">
        <input
          id={inputId}
          type="file"
          className="visually-hidden saved__import-input"
          accept="application/json,.json"
          disabled={importing.isPending}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) importing.mutate(file);
          }}
        />
        <label htmlFor={inputId} className="button button--secondary">
          {m.importSaved}
        </label>
      </span>
      <p className="saved__status" role="status">
        {fileName && importing.isPending && m.importReading(fileName)}
        {fileName && importing.isSuccess && (
          <>
            <span className="saved__file">{m.importFrom(fileName)}</span>{' '}
            <span>
              {m.importDone(importing.data.added, importing.data.updated, importing.data.unchanged)}
            </span>
          </>
        )}
      </p>
      {importing.isError && (
        <p className="saved__error" role="alert">
          {m.importFailed(importing.error.message)}
        </p>
      )}
    </div>
  );
}
