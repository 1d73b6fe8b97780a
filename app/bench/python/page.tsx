import { PythonBench } from "@/components/functions/PythonBench";

// Not part of the product UI (no nav entry): the page `npm run bench:python` drives.
export const metadata = { title: "Python worker benchmark", robots: { index: false } };

export default function PythonBenchPage() {
  return <PythonBench />;
}
