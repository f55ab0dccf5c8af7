/** A CBO's names: the Khmer one first when it has one, marked as Khmer, then the Latin one. */
export function CboName({ name, nameKm }: { name: string; nameKm: string | null }) {
  if (!nameKm || nameKm === name) return <>{name}</>;
  return (
    <>
      <span lang="km">{nameKm}</span>
      {' · '}
      {name}
    </>
  );
}
