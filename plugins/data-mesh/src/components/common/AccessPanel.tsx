import { EmptyState } from '@backstage/core-components';
import Typography from '@mui/material/Typography';

/** The HTTP status of a failed request to the data-mesh backend, if it carries one. */
export function statusOf(error: Error): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** What the backend said, in its words, without the request details. */
export function messageOf(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const message = body?.error?.message;
  return typeof message === 'string' ? message : error.message;
}

/**
 * Why a product's data or the product itself is not shown: 403 means the caller may see
 * the product but not its data (the backend says whom to ask), 404 that the product is not
 * shown to them at all.
 */
export function AccessPanel({ error }: { error: Error }) {
  const status = statusOf(error);
  if (status === 403) {
    return (
      <EmptyState
        missing="data"
        title="Restricted: you may see this product, not its data"
        description={
          <Typography component="span" variant="body1">
            {messageOf(error)}
          </Typography>
        }
      />
    );
  }
  return (
    <EmptyState
      missing="data"
      title="This data product is not shown to you"
      description="Its classification lets only its owners, and the people they grant access to, see it."
    />
  );
}

/** True for the failures {@link AccessPanel} explains. */
export function isAccessError(error: Error): boolean {
  const status = statusOf(error);
  return status === 403 || status === 404;
}
