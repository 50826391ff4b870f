import { newApiRequestId } from "@/lib/api/request-id";
import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";

// Any path under /api/v1 that no route matches answers in the API's error shape.
async function notFound() {
  return errorResponse(new NotFoundError("API path"), newApiRequestId());
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
