import { useState } from "react";

import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { LoadingState } from "../../components/States";
import { useDocumentUrl } from "./useDocumentUrl";

export interface PreviewDocument {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  downloadPath: string;
}

const KIND_LABELS: Record<string, string> = {
  PAN_CARD: "PAN card",
  GST_CERTIFICATE: "GST certificate",
  UDYAM_CERTIFICATE: "Udyam certificate",
  CANCELLED_CHEQUE: "Cancelled cheque",
  BANK_STATEMENT: "Bank statement",
  OTHER: "Other proof",
};

/** Show the documents of a submission, one shown at a time: PDFs in a frame, images inline. */
export function DocumentPreview({
  documents,
}: {
  documents: readonly PreviewDocument[];
}) {
  const [shownId, setShownId] = useState(documents[0]?.id ?? "");
  const shown = documents.find((document) => document.id === shownId);

  if (documents.length === 0) {
    return <p>The submission has no documents.</p>;
  }
  return (
    <div>
      <div className="button-row" role="group" aria-label="Documents">
        {documents.map((document) => (
          <Button
            key={document.id}
            variant={document.id === shownId ? "primary" : "secondary"}
            aria-pressed={document.id === shownId}
            onClick={() => setShownId(document.id)}
          >
            {KIND_LABELS[document.kind] ?? document.kind}
          </Button>
        ))}
      </div>
      {shown ? (
        <figure style={{ margin: "1rem 0" }}>
          <Preview document={shown} />
          <figcaption>
            {shown.filename},{" "}
            {Math.ceil(shown.sizeBytes / 1024).toLocaleString("en-IN")} KB.{" "}
            <a href={shown.downloadPath} download={shown.filename}>
              Download<span className="visually-hidden"> {shown.filename}</span>
            </a>
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}

function Preview({ document }: { document: PreviewDocument }) {
  const source = useDocumentUrl(document.downloadPath);
  const name = `${KIND_LABELS[document.kind] ?? document.kind}: ${document.filename}`;

  if (source.state === "loading") {
    return <LoadingState label="Loading the document…" />;
  }
  if (source.state === "failed") {
    return <Notice tone="error">{source.message}</Notice>;
  }
  if (document.contentType === "application/pdf") {
    return <iframe className="document-preview" src={source.url} title={name} />;
  }
  return <img className="document-preview" src={source.url} alt={name} />;
}
