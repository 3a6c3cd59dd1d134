// Placeholder entry so the build works; the task-pane UI replaces this file.
import { createRoot } from 'react-dom/client';

const page = new URLSearchParams(window.location.search).get('page') ?? 'templates';
const root = document.getElementById('root');
if (root) createRoot(root).render(<p>Account Planner · 客户开发规划 — {page}</p>);
