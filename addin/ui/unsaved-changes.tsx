import {
  Suspense,
  createContext,
  lazy,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

// The shell holds the guard from the first paint, but a form is dirty only once a view past the
// segment list is loaded: the dialog comes with its own chunk, off the first bundle.
const DiscardChangesDialog = lazy(() =>
  import(/* webpackChunkName: "discard-changes" */ "./discard-changes-dialog").then((m) => ({
    default: m.DiscardChangesDialog,
  })),
);

interface UnsavedChangesGuard {
  setDirty(id: string, dirty: boolean): void;
  /** True while a form below holds unsaved edits. */
  dirty(): boolean;
  /** Runs `leave` at once when nothing is unsaved; else after the user chose to discard. */
  confirm(leave: () => void): void;
}

const UnsavedChangesContext = createContext<UnsavedChangesGuard | undefined>(undefined);

/**
 * Where forms below report unsaved edits, so that leaving (another tab, back to the list, the
 * top navigation, another segment) asks first instead of unmounting the form and its typed
 * values with it. It sits in the shell, above every way out.
 */
export const UnsavedChangesProvider = ({ children }: { children: ReactNode }) => {
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<{ leave: () => void }>();
  const guard = useMemo<UnsavedChangesGuard>(
    () => ({
      setDirty: (id, on) => void (on ? dirty.current.add(id) : dirty.current.delete(id)),
      dirty: () => dirty.current.size > 0,
      confirm: (leave) => (dirty.current.size === 0 ? leave() : setPending({ leave })),
    }),
    [],
  );
  return (
    <UnsavedChangesContext.Provider value={guard}>
      {children}
      {pending && (
        <Suspense fallback={null}>
          <DiscardChangesDialog
            onKeep={() => setPending(undefined)}
            onDiscard={() => {
              setPending(undefined);
              dirty.current.clear();
              pending.leave();
            }}
          />
        </Suspense>
      )}
    </UnsavedChangesContext.Provider>
  );
};

/** Reports whether the calling form holds unsaved edits (cleared when it unmounts). */
export const useUnsavedChanges = (dirty: boolean) => {
  const guard = useContext(UnsavedChangesContext);
  const id = useId();
  useEffect(() => {
    guard?.setDirty(id, dirty);
    return () => guard?.setDirty(id, false);
  }, [guard, id, dirty]);
};

/** Wraps a navigation so that it asks first when a form below has unsaved edits. */
export const useConfirmLeave = () => {
  const guard = useContext(UnsavedChangesContext);
  return useCallback((leave: () => void) => (guard ? guard.confirm(leave) : leave()), [guard]);
};

const NOTHING_UNSAVED = { dirty: () => false };

/** Whether anything below the provider is unsaved (for the browser's reload or close). */
export const useUnsavedGuard = (): Pick<UnsavedChangesGuard, "dirty"> =>
  useContext(UnsavedChangesContext) ?? NOTHING_UNSAVED;
