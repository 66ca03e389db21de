// Adds Testing Library's DOM matchers (toBeInTheDocument, toHaveAttribute, …) to Vitest's expect.
import '@testing-library/jest-dom/vitest';
