// Renders the workflow diagram (<pre class="mermaid">) on the instance page; loaded after mermaid.min.js.
mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: 'neutral' });
