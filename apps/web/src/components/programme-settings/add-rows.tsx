import type { ReactNode } from 'react';
import styles from './programme-settings.module.css';

/**
 * The blank rows that add a criterion, a target or a phase, folded away until wanted: a plain
 * `<details>`, so it opens without script, and is open when something in it was typed or refused.
 */
export function AddRows({ label, open, children }: { label: string; open: boolean; children: ReactNode }) {
  return (
    <details className={styles.more} open={open || undefined}>
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/** The box that removes a saved row (a criterion, a target) when the form is saved. */
export function RemoveRow({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className={styles.remove}>
      <input type="checkbox" name={name} value="on" defaultChecked={checked} />
      {label}
    </label>
  );
}
