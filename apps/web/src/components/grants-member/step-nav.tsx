import { Link } from '@/i18n/navigation';
import { STEPS, type Step } from './draft';
import styles from './grants-member.module.css';

/** The form's steps as links, the current one marked: each page saves before it goes on. */
export function StepNav({
  applicationId,
  current,
  label,
  names,
}: {
  applicationId: string;
  current: Step;
  label: string;
  names: Record<Step, string>;
}) {
  return (
    <nav aria-label={label}>
      <ol className={styles.steps} data-steps>
        {STEPS.map((step) => (
          <li key={step}>
            <Link
              href={`/my-cbo/grants/${applicationId}?step=${step}`}
              aria-current={step === current ? 'step' : undefined}
              data-step-link={step}
            >
              {names[step]}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
