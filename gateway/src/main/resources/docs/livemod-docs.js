// Renders the gateway's own /openapi.yaml. validatorUrl null: Swagger UI would otherwise send the
// document to an online validator; this page talks to this gateway only.
window.ui = SwaggerUIBundle({
  url: "/openapi.yaml",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
