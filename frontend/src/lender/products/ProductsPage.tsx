import { useState } from "react";
import { useQuery } from "urql";

import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { EmptyState } from "../../components/States";
import { LenderProductsQuery } from "../queries";
import { ProductCard } from "./ProductCard";
import { ProductEditor } from "./ProductEditor";

/** Show the lender's products; its product managers create and change them here. */
export function ProductsPage() {
  const [result, reexecute] = useQuery({ query: LenderProductsQuery });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const reload = () => reexecute({ requestPolicy: "network-only" });

  function done(changed: boolean) {
    setEditing(null);
    setSaved(changed);
    if (changed) {
      reload();
    }
  }

  return (
    <>
      <PageHeader title="Products" description="Your credit appetite and pricing." />
      {saved ? <Notice tone="success">The product is saved.</Notice> : null}
      <QueryView result={result} retry={reload}>
        {(data) => {
          const lender = data.viewer.lender;
          const manager = data.viewer.user?.isLenderAdmin ?? false;
          if (!lender) {
            return (
              <Notice tone="warning">Your account is not linked to a lender.</Notice>
            );
          }
          return (
            <>
              {manager ? (
                editing === "new" ? (
                  <ProductEditor onDone={done} />
                ) : (
                  <div className="button-row">
                    <Button onClick={() => setEditing("new")}>New product</Button>
                  </div>
                )
              ) : (
                <p className="muted">
                  Your lender's product managers change these terms.
                </p>
              )}
              {lender.products.length === 0 ? (
                <EmptyState>{lender.name} has no products yet.</EmptyState>
              ) : null}
              <div className="compare" style={{ marginTop: "1rem" }}>
                {lender.products.map((product) =>
                  editing === product.id ? (
                    <ProductEditor
                      key={product.id}
                      productId={product.id}
                      product={product}
                      onDone={done}
                    />
                  ) : (
                    <ProductCard
                      key={product.id}
                      product={product}
                      actions={
                        manager ? (
                          <div className="button-row">
                            <Button
                              variant="secondary"
                              onClick={() => setEditing(product.id)}
                              aria-label={`Change ${product.name}`}
                            >
                              Change
                            </Button>
                          </div>
                        ) : null
                      }
                    />
                  ),
                )}
              </div>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
