-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY['all']::TEXT[],
ALTER COLUMN "token_encrypted" DROP NOT NULL;

