"use client";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

export function DtmfKeypad({ disabled, onPress }: { disabled: boolean; onPress: (digit: string) => void }) {
  return (
    <div role="group" aria-label="Keypad" className="grid w-36 grid-cols-3 gap-1">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          disabled={disabled}
          aria-label={`Keypad ${k}`}
          onClick={() => onPress(k)}
          className="rounded border border-slate-300 bg-white py-1 font-mono text-sm hover:bg-slate-50 disabled:text-slate-300"
        >
          {k}
        </button>
      ))}
    </div>
  );
}
