import { PythonBench } from "@/components/functions/PythonBench";
import { requirePageViewer } from "@/auth/viewer";

// Not part of the product UI (no nav entry): the page `npm run bench:python` drives.
export const metadata = { title: "Python worker benchmark", robots: { index: false } };

export default async function PythonBenchPage() {
  await requirePageViewer();
  return <PythonBench />;
}
