/** A page's title and the message that its data cannot be loaded right now. */
export function Unavailable({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="notice error" role="alert">
        {message}
      </p>
    </>
  );
}
