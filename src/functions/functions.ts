/**
 * The custom-functions bundle (dist/functions.js). Each family module is an input of
 * CustomFunctionsMetadataPlugin, which appends its `CustomFunctions.associate` calls; importing
 * them here runs those calls once. outsideExcel must come first: modules run in import order.
 */
import "./outsideExcel";
import "./retention";
import "./logos";
import "./series";
import "./surveys";
