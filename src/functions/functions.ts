/**
 * The custom-functions bundle (dist/functions.js). Each family module is an input of
 * CustomFunctionsMetadataPlugin, which appends its `CustomFunctions.associate` calls; importing
 * them here runs those calls once. Each family imports toExcel, which imports outsideExcel, so
 * `CustomFunctions` exists before any association runs, whatever the order here.
 */
import "./currency";
import "./lifetime";
import "./logos";
import "./retention";
import "./series";
import "./surveys";
